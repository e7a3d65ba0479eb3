package org.alize.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Put beside {@code @SpringBootTest}: the application runs on the shared test infrastructure
 * (embedded, or containers as {@code alize.test.infra} asks) and trusts {@link TestIssuer}'s tokens.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AlizeInfraExtension.class)
@ContextConfiguration(initializers = AlizeInfraInitializer.class)
public @interface WithAlizeInfra {
}
