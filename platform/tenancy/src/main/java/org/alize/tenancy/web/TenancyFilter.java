package org.alize.tenancy.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Grants;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security has verified the token. For {@code /api/basins/{basinId}/…} it opens the
 * basin's {@link BasinContext} when the token's {@code basins} claim names that basin, and answers 404
 * otherwise (the same answer as for a basin that does not exist, so nothing leaks). For
 * {@code /api/network/…} it requires a network role (403 otherwise) and opens the network scope.
 * The context and the MDC are restored in {@code finally}.
 */
public class TenancyFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern BASIN_PATH = Pattern.compile("^/api/basins/([^/]+)(/.*)?$");
    private static final Pattern NETWORK_PATH = Pattern.compile("^/api/network(/.*)?$");

    private final ProblemWriter problems;
    private final BasinBudgets budgets;
    private final CommandMeter commands;

    /** @param budgets each basin's share of the service */
    public TenancyFilter(ProblemWriter problems, BasinBudgets budgets) {
        this(problems, budgets, null);
    }

    /** @param commands counts each basin's commands; null where the service has no meter registry */
    public TenancyFilter(ProblemWriter problems, BasinBudgets budgets, CommandMeter commands) {
        this.problems = problems;
        this.budgets = budgets;
        this.commands = commands;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the request's trace, opened by the server observation before this filter (Micrometer Tracing puts its id in
        // the MDC): the caller quotes it when reporting a problem
        String traceId = MDC.get(TRACE_ID);
        if (traceId != null) {
            response.setHeader(CORRELATION_HEADER, traceId);
        }
        route(request, response, chain);
    }

    /** The MDC key under which Micrometer Tracing keeps the current trace id. */
    static final String TRACE_ID = "traceId";

    private void route(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher basinPath = BASIN_PATH.matcher(path);
        if (basinPath.matches()) {
            String requested = basinPath.group(1);
            if (!BasinId.isValid(requested) || !CurrentGrants.get().hasBasin(BasinId.of(requested))) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "basin.not-found", "Bassin introuvable",
                        "Aucun bassin « " + abbreviate(requested) + " » n'est accessible avec vos droits.");
                return;
            }
            Optional<Runnable> place = budgets.acquire(BasinId.of(requested));
            if (place.isEmpty()) {
                response.setHeader("Retry-After", "1");
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "basin.busy", "Trop de requêtes",
                        "Trop de requêtes simultanées pour ce bassin : réessayez dans un instant.");
                return;
            }
            int status = 500;
            try (BasinContext.Scope ignored = BasinContext.open(BasinId.of(requested))) {
                chain.doFilter(request, response);
                status = response.getStatus();
            } finally {
                place.get().run();
                if (commands != null) {
                    commands.count(BasinId.of(requested), request.getMethod(), status);
                }
            }
            return;
        }
        if (NETWORK_PATH.matcher(path).matches()) {
            Grants grants = CurrentGrants.get();
            if (!grants.hasAnyNetworkRole()) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "network.role-required", "Accès refusé",
                        "Cette ressource du réseau est réservée à la tête de réseau et au comité national.");
                return;
            }
            try (BasinContext.Scope ignored = BasinContext.openNetwork()) {
                chain.doFilter(request, response);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static String abbreviate(String raw) {
        String printable = raw.replaceAll("[^\\p{Alnum}-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
