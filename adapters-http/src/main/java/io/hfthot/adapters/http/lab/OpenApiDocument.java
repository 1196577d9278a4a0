package io.hfthot.adapters.http.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.adapters.http.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * Seed 000's OpenAPI document as served: the bundled document with its {@code servers} entry set to the listener
 * that answers the request (scheme, the connection's local address and port), so the document never names a port
 * the server was not started on ({@code --http-port 9080} gives {@code http://127.0.0.1:9080}).
 */
final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document;

    /**
     * Parses the bundled document.
     *
     * @param bytes the document
     */
    OpenApiDocument(byte[] bytes) {
        try {
            this.document = (ObjectNode) JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled OpenAPI document is not JSON", e);
        }
    }

    /**
     * Returns the document for one request.
     *
     * @param request the request for the document
     * @return the JSON bytes
     */
    byte[] servedTo(Request request) {
        InetSocketAddress local = request.exchange().localAddress();
        String host = local.getAddress() == null ? local.getHostString() : local.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        String scheme = request.exchange().secure() ? "https" : "http";
        ObjectNode copy = document.deepCopy();
        ArrayNode servers = copy.putArray("servers");
        servers.addObject().put("url", scheme + "://" + host + ":" + local.getPort())
                .put("description", "the listener that served this document");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the OpenAPI document failed", e);
        }
    }
}
