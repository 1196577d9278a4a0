package io.hfthot.adapters.sse.hti;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.engine.hti.HtiService;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.hti.profile.IssuedApiCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin routes of the HTI surface, all requiring {@code X-Admin-Token} (the token of
 * {@link io.hfthot.engine.hti.AdminToken}; 401 without it):
 * <ul>
 *   <li>{@code POST /admin/hti/codes} with {@code {account_name, valid_until (ISO-8601 or null),
 *       request_limit_per_minute, filters: {asset_classes, timeframes, instruments, prefixes, sides}}}: 201 with
 *       {@code api_code} (shown once) and {@code profile};</li>
 *   <li>{@code GET /admin/hti/codes}: every profile with its {@code code_id} (codes are stored hashed);</li>
 *   <li>{@code DELETE /admin/hti/codes/{code_id}}: revokes a code (open streams end with {@code error}); 204,
 *       or 404 for an unknown or already expired code.</li>
 * </ul>
 */
final class HtiAdminRoutes {
    /** The header carrying the admin token. */
    static final String HEADER = "X-Admin-Token";
    private static final String PATH = "/admin/hti/codes";

    private HtiAdminRoutes() {
    }

    /**
     * Seed-style filters of a new code; null lists mean "all".
     *
     * @param assetClasses accepted asset classes
     * @param timeframes   accepted timeframes
     * @param instruments  accepted instruments
     * @param prefixes     accepted prefixes
     * @param sides        accepted sides
     */
    record FiltersBody(List<String> assetClasses, List<String> timeframes, List<String> instruments,
                       List<String> prefixes, List<String> sides) {
    }

    /**
     * The body of a new code.
     *
     * @param accountName           the account
     * @param validUntil            ISO-8601 instant, or null for unlimited
     * @param requestLimitPerMinute requests per minute, default 60
     * @param filters               the filters, or null for all
     */
    record CodeRequest(String accountName, String validUntil, Integer requestLimitPerMinute, FiltersBody filters) {
    }

    static void mount(HttpSurface.Builder b, HtiService hti) {
        b.post(PATH, HtiHttpSurface.mapped(r -> create(hti, r)))
                .get(PATH, r -> {
                    requireAdmin(hti, r);
                    return Response.ok(Map.of("codes", hti.profiles().stream().map(HtiAdminRoutes::describe).toList()));
                })
                .delete(PATH + "/{code_id}", r -> {
                    requireAdmin(hti, r);
                    if (!hti.revoke(r.pathParam("code_id"))) {
                        throw new ApiException(ErrorKind.NOT_FOUND, "No active API code with code_id '"
                                + abbreviate(r.pathParam("code_id")) + "'.");
                    }
                    return Response.noContent();
                });
    }

    private static Response create(HtiService hti, Request r) {
        requireAdmin(hti, r);
        CodeRequest body = r.body(CodeRequest.class);
        Instant until = null;
        if (body.validUntil() != null) {
            try {
                until = Instant.parse(body.validUntil());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("valid_until must be an ISO-8601 instant such as 2027-01-01T00:00:00Z or"
                        + " null, got '" + abbreviate(body.validUntil()) + "'");
            }
        }
        IdeaFilters filters;
        try {
            FiltersBody f = body.filters() == null ? new FiltersBody(null, null, null, null, null) : body.filters();
            filters = new IdeaFilters(set(f.assetClasses()), set(f.timeframes()), set(f.instruments()),
                    set(f.prefixes()), set(f.sides()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        int limit = body.requestLimitPerMinute() == null ? 60 : body.requestLimitPerMinute();
        IssuedApiCode issued = hti.issueCode(body.accountName(), until, limit, filters);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("api_code", issued.code());
        out.put("code_id", issued.profile().codeId());
        out.put("profile", issued.profile().toFields(issued.code(), issued.profile().createdAt()));
        return Response.json(201, out);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    private static Map<String, Object> describe(HtiProfile p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code_id", p.codeId());
        out.put("account_name", p.accountName());
        out.put("validity_type", p.validityType().wireName());
        out.put("valid_until", p.validUntil() == null ? null : p.validUntil().toString());
        out.put("request_limit_per_minute", p.requestLimitPerMinute());
        out.put("filters", p.filters().toFields());
        out.put("created_at", p.createdAt().toString());
        return out;
    }

    private static void requireAdmin(HtiService hti, Request r) {
        if (!hti.adminToken().matches(r.header(HEADER).orElse(null))) {
            throw new ApiException(ErrorKind.UNAUTHORIZED, "Missing or invalid " + HEADER + ": the admin token is in "
                    + "the data directory's " + io.hfthot.engine.hti.AdminToken.FILE_NAME + ".");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
