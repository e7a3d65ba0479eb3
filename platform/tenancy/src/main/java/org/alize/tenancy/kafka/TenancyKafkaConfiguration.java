package org.alize.tenancy.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.RecordInterceptor;

/** Basin headers on every produced record, and a basin context around every consumed one. */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
public class TenancyKafkaConfiguration {

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    BasinRecordInterceptor alizeBasinRecordInterceptor() {
        return new BasinRecordInterceptor();
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer alizeBasinProducerInterceptor() {
        return factory -> factory.updateConfigs(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
                withInterceptor(factory.getConfigurationProperties().get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG))));
    }

    static List<String> withInterceptor(Object configured) {
        List<String> classes = new ArrayList<>();
        if (configured instanceof String text && !text.isBlank()) {
            for (String name : text.split(",")) {
                classes.add(name.trim());
            }
        } else if (configured instanceof List<?> list) {
            list.forEach(item -> classes.add(item instanceof Class<?> type ? type.getName() : item.toString()));
        } else if (configured instanceof Class<?> type) {
            classes.add(type.getName());
        }
        if (!classes.contains(BasinProducerInterceptor.class.getName())) {
            classes.add(BasinProducerInterceptor.class.getName());
        }
        return classes;
    }
}
