package org.alize.tenancy.web;

import java.time.Duration;
import java.util.Locale;

import org.alize.tenancy.input.BoundedInputModule;
import org.alize.tenancy.input.InputBounds;
import org.alize.tenancy.input.InputBoundsFilter;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The tenancy filter, registered to run right after Spring Security's filter chain. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Jwt.class)
public class TenancyWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter alizeProblemWriter(ObjectProvider<JsonMapper> jsonMapper) {
        return new ProblemWriter(jsonMapper.getIfAvailable(JsonMapper::new));
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAdvice alizeProblemAdvice() {
        return new ProblemAdvice();
    }

    /** Roles declared on handlers ({@link RequiresBasinRole}, {@link RequiresNetworkRole}) checked before they run. */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer alizeRoleChecks() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new RoleInterceptor());
            }
        };
    }

    /** The platform speaks French: validation and framework messages whatever the request's Accept-Language. */
    @Bean(name = "localeResolver")
    @ConditionalOnMissingBean(name = "localeResolver")
    LocaleResolver alizeFrenchLocale() {
        return new FixedLocaleResolver(Locale.FRENCH);
    }

    /** Query parameters and body size checked before anything else reads the request. */
    @Bean
    FilterRegistrationBean<InputBoundsFilter> alizeInputBoundsFilter(ProblemWriter problems) {
        FilterRegistrationBean<InputBoundsFilter> registration = new FilterRegistrationBean<>(new InputBoundsFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Every JSON body held to {@link InputBounds}; a number with a fraction is not a count (3.5 jobs
     * was read as 3), and a field given twice is refused rather than the last one silently kept.
     */
    @Bean
    JsonMapperBuilderCustomizer alizeBoundedInput() {
        return builder -> builder.addModule(new BoundedInputModule())
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Each basin's share of this service: {@code alize.tenancy.basin-concurrency} requests at once (6 by
     * default: a service has two cores here and a few hundred threads), {@code alize.tenancy.basin-max-wait}
     * for a place (200 ms), then 429.
     */
    @Bean
    @ConditionalOnMissingBean
    BasinBudgets alizeBasinBudgets(Environment environment) {
        return new BasinBudgets(environment.getProperty("alize.tenancy.basin-concurrency", Integer.class, 6),
                environment.getProperty("alize.tenancy.basin-max-wait", Duration.class, Duration.ofMillis(200)));
    }

    @Bean
    FilterRegistrationBean<TenancyFilter> alizeTenancyFilter(ProblemWriter problems, BasinBudgets budgets,
            ObjectProvider<CommandMeter> commands) {
        FilterRegistrationBean<TenancyFilter> registration = new FilterRegistrationBean<>(new TenancyFilter(problems, budgets,
                commands.getIfAvailable()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Commands per basin, where Micrometer and a registry are there (every service's actuator brings both). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class CommandMetrics {

        @Bean
        CommandMeter alizeCommandMeter(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
            return new CommandMeter(meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
        }
    }

    /** Tomcat's own refusals (before the application sees the request) as problem documents too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatRefusals {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> alizeProblemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    /** Parameter constraints of {@code @Validated} controllers, where the service validates. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.validation.ConstraintViolationException")
    static class Validation {

        @Bean
        @ConditionalOnMissingBean
        ConstraintViolationAdvice alizeConstraintViolationAdvice(ProblemAdvice problems) {
            return new ConstraintViolationAdvice(problems);
        }
    }

    /** Idempotency-Key on basin commands, where the service keeps MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class Idempotency {

        @Bean
        FilterRegistrationBean<IdempotencyFilter> alizeIdempotencyFilter(ObjectProvider<MongoTemplate> mongo,
                ProblemWriter problems, Environment environment,
                ObjectProvider<java.time.Clock> clock) {
            Duration lease = environment.getProperty("alize.idempotency.lease", Duration.class,
                    Duration.ofSeconds(15));
            Duration ttl = environment.getProperty("alize.idempotency.ttl", Duration.class,
                    Duration.ofHours(24));
            FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                    new IdempotencyFilter(mongo, problems, lease, ttl, clock.getIfAvailable(java.time.Clock::systemUTC)));
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20);
            registration.addUrlPatterns("/api/basins/*");
            return registration;
        }
    }
}
