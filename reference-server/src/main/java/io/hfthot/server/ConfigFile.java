package io.hfthot.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server's config file: a Java properties file (UTF-8; {@code key = value} lines, {@code #} comments) whose
 * keys are the flags without their leading {@code --} ({@code http-port = 9080}). It is the lowest layer above the
 * defaults: an environment variable or a flag for the same option wins over it.
 *
 * <p>Why properties: the format is read by the JDK itself (no parser to depend on), every option is a single
 * string value already (the flags' syntax), and operators know it. A key that is not an option is refused, so a
 * misspelt key never silently leaves a default in place.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * Reads a config file.
     *
     * @param file the file
     * @return the value of each option the file sets
     * @throws IllegalArgumentException when the file cannot be read or has a key that is not an option (the message
     *                                  names the file, the key and the accepted keys)
     */
    static Map<ServerConfig.Option, String> read(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<ServerConfig.Option, String> values = new EnumMap<>(ServerConfig.Option.class);
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            ServerConfig.Option option = Stream.of(ServerConfig.Option.values()).filter(o -> o.fileKey().equals(key))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("config file " + file + ": unknown key '"
                            + key + "'; accepted: " + Stream.of(ServerConfig.Option.values())
                            .map(ServerConfig.Option::fileKey).collect(Collectors.joining(", "))));
            values.put(option, props.getProperty(key));
        }
        return values;
    }
}
