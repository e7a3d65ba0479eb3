package org.alize.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TracingEnvironmentTest {

    private final TracingEnvironment processor = new TracingEnvironment();

    @Test
    void noCollectorNamedExportsNothingAndSamplesEveryRequest() {
        MockEnvironment environment = new MockEnvironment();
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.containsProperty(TracingEnvironment.OTLP_ENDPOINT)).isFalse();
        assertThat(environment.getProperty(TracingEnvironment.SAMPLING)).isEqualTo("1.0");
    }

    @Test
    void aBlankCollectorAddressExportsNothing() {
        // the compose file's ${ALIZE_TRACES_ENDPOINT:-} when no collector is started
        MockEnvironment environment = new MockEnvironment().withProperty(TracingEnvironment.ENDPOINT, " ");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.containsProperty(TracingEnvironment.OTLP_ENDPOINT)).isFalse();
    }

    @Test
    void aNamedCollectorReceivesTheSpans() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TracingEnvironment.ENDPOINT, "http://jaeger:4318/v1/traces ");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingEnvironment.OTLP_ENDPOINT)).isEqualTo("http://jaeger:4318/v1/traces");
    }

    @Test
    void bootsOwnSettingsWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(TracingEnvironment.ENDPOINT, "http://jaeger:4318/v1/traces")
                .withProperty(TracingEnvironment.OTLP_ENDPOINT, "http://tempo:4318/v1/traces")
                .withProperty(TracingEnvironment.SAMPLING, "0.25");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingEnvironment.OTLP_ENDPOINT)).isEqualTo("http://tempo:4318/v1/traces");
        assertThat(environment.getProperty(TracingEnvironment.SAMPLING)).isEqualTo("0.25");
    }

    @Test
    void aBlankBootSettingTurnsTheExportOffInsteadOfFailing() {
        MockEnvironment environment = new MockEnvironment().withProperty(TracingEnvironment.OTLP_ENDPOINT, "");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingEnvironment.EXPORT_ENABLED)).isEqualTo("false");
    }
}
