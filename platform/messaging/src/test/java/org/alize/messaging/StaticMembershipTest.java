package org.alize.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/** Each listener joins its group under the instance's stable name and its own id, or as a dynamic member without one. */
class StaticMembershipTest {

    private static ConcurrentMessageListenerContainer<Object, Object> listener(String id) {
        ConcurrentMessageListenerContainer<Object, Object> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties("topic"));
        container.setBeanName(id); // what the listener endpoint names it: its @KafkaListener id
        return container;
    }

    private static MessagingProperties named(String instanceId) {
        return new MessagingProperties(new MessagingProperties.Topics(3, (short) 1),
                new MessagingProperties.Outbox(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1),
                        Duration.ofSeconds(30), 3),
                new MessagingProperties.Consumer(3, Duration.ofMillis(500), instanceId, Duration.ZERO));
    }

    @Test
    void each_listener_is_a_static_member_under_the_instance_name_and_its_own_id() {
        ConcurrentMessageListenerContainer<Object, Object> journal = listener("journal");
        ConcurrentMessageListenerContainer<Object, Object> basins = listener("finance-basins");

        new MessagingAutoConfiguration().alizeStaticMembership(named(" finance-service ")).configure(journal);
        new MessagingAutoConfiguration().alizeStaticMembership(named(" finance-service ")).configure(basins);

        assertThat(journal.getContainerProperties().getKafkaConsumerProperties()
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("finance-service-journal");
        assertThat(basins.getContainerProperties().getKafkaConsumerProperties()
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("finance-service-finance-basins");
    }

    @Test
    void a_name_set_to_nothing_leaves_the_member_dynamic() {
        ConcurrentMessageListenerContainer<Object, Object> journal = listener("journal");

        new MessagingAutoConfiguration().alizeStaticMembership(named("  ")).configure(journal);

        assertThat(journal.getContainerProperties().getKafkaConsumerProperties()
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isNull();
    }
}
