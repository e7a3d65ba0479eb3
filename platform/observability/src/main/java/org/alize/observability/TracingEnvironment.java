package org.alize.observability;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The platform's tracing settings, read before the application context is built.
 *
 * <ul>
 * <li>Spans are exported only where the deployment names a collector: {@code alize.tracing.endpoint} (the OTLP/HTTP
 * traces address, e.g. {@code http://jaeger:4318/v1/traces}). A blank value — a compose variable left empty — exports
 * nothing, where Boot's own property would build an exporter for an empty address; Boot's property, when given,
 * wins, and a blank one turns the export off.</li>
 * <li>Every request is sampled unless {@code management.tracing.sampling.probability} says otherwise: the platform's
 * traffic is a few commands a minute per basin, and a trace missing when an operator follows an incident is worth
 * more than the spans saved. The gateway decides; the services follow the sampled flag they receive.</li>
 * </ul>
 */
public class TracingEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String ENDPOINT = "alize.tracing.endpoint";
    static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String EXPORT_ENABLED = "management.tracing.export.otlp.enabled";
    static final String SAMPLING = "management.tracing.sampling.probability";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(SAMPLING, "1.0");
        environment.getPropertySources().addLast(new MapPropertySource("alizeTracingDefaults", defaults));
        String endpoint = environment.getProperty(ENDPOINT);
        if (environment.containsProperty(OTLP_ENDPOINT)) {
            if (!StringUtils.hasText(environment.getProperty(OTLP_ENDPOINT))) {
                environment.getPropertySources().addFirst(new MapPropertySource("alizeTracingEndpoint",
                        Map.of(EXPORT_ENABLED, "false")));
            }
        } else if (StringUtils.hasText(endpoint)) {
            environment.getPropertySources().addFirst(new MapPropertySource("alizeTracingEndpoint",
                    Map.of(OTLP_ENDPOINT, endpoint.strip())));
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files and the environment are read, so that alize.tracing.endpoint is known
        return Ordered.LOWEST_PRECEDENCE;
    }
}
