package io.hfthot.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the files of one class-path directory (a WebJar, a page bundled in a jar) on a route
 * {@code /prefix/{file}}, plus the directory's index on {@code /prefix/}: content type by extension, an ETag and
 * 304 on revalidation ({@link ConditionalGet}), and {@code /prefix} without its slash redirected to
 * {@code /prefix/} so that the index's relative links resolve. Files may be replaced by given bytes (for
 * example a WebJar's configuration script). Only flat file names are served ({@code [A-Za-z0-9._-]}, no
 * {@code ..}); others, and missing files, are 404. Files are read once and kept.
 */
public final class ClasspathFiles implements RouteHandler {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    private record File(byte[] bytes, String type, String etag) {
    }

    private final ClassLoader loader;
    private final String directory;
    private final String prefix;
    private final String index;
    private final String cacheControl;
    private final Map<String, byte[]> replaced;
    private final Map<String, Optional<File>> files = new ConcurrentHashMap<>();

    /**
     * Creates the handler.
     *
     * @param loader       where the files are
     * @param directory    the class-path directory, without leading or trailing slash (e.g.
     *                     {@code META-INF/resources/webjars/swagger-ui/5.35.0})
     * @param prefix       the route prefix, e.g. {@code /v1/docs}; register {@code prefix} and {@code prefix/{file}}
     * @param index        the file answered on {@code prefix/}, e.g. {@code index.html}
     * @param cacheControl the {@code Cache-Control} of every file
     * @param replaced     files answered with these bytes instead of the class path's
     */
    public ClasspathFiles(ClassLoader loader, String directory, String prefix, String index, String cacheControl,
                          Map<String, byte[]> replaced) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.index = Objects.requireNonNull(index, "index");
        this.cacheControl = Objects.requireNonNull(cacheControl, "cacheControl");
        this.replaced = Map.copyOf(replaced);
    }

    /**
     * Registers the two routes ({@code prefix} and {@code prefix/{file}}) on a surface.
     *
     * @param builder the surface definition
     * @return the builder
     */
    public HttpSurface.Builder mount(HttpSurface.Builder builder) {
        return builder.get(prefix, this).get(prefix + "/{file}", this);
    }

    @Override
    public Response handle(Request request) {
        String name = request.pathParams().get("file");
        if (name == null) {
            if (!request.path().endsWith("/")) {
                return Response.redirect(prefix + "/");
            }
            name = index;
        }
        String file = name;
        File f = NAME.matcher(file).matches() && !file.contains("..")
                ? files.computeIfAbsent(file, this::load).orElse(null) : null;
        if (f == null) {
            throw new ApiException(ErrorKind.NOT_FOUND, "no file '" + file + "' under " + prefix + "/");
        }
        return ConditionalGet.apply(request, Response.bytes(200, f.type, f.bytes), f.etag, cacheControl);
    }

    private Optional<File> load(String name) {
        byte[] bytes = replaced.get(name);
        if (bytes == null) {
            try (InputStream in = loader.getResourceAsStream(directory + "/" + name)) {
                if (in == null) {
                    return Optional.empty();
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + directory + "/" + name + " failed", e);
            }
        }
        int dot = name.lastIndexOf('.');
        String type = TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT),
                "application/octet-stream");
        String etag = ConditionalGet.contentTag(name, bytes);
        return Optional.of(new File(bytes, type, etag));
    }
}
