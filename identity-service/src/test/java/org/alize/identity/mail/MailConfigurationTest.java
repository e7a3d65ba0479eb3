package org.alize.identity.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MailConfiguration.class);

    @Test
    void an_empty_smtp_host_as_compose_passes_it_means_no_mail_sender_not_one_for_localhost() {
        context.withPropertyValues("alize.identity.smtp.host=").run(c -> assertThat(c).doesNotHaveBean(JavaMailSender.class));
        context.withPropertyValues("alize.identity.smtp.host=   ").run(c -> assertThat(c).doesNotHaveBean(JavaMailSender.class));
        context.run(c -> assertThat(c).doesNotHaveBean(JavaMailSender.class));
    }

    @Test
    void a_named_smtp_host_gives_a_sender_with_time_outs() {
        context.withPropertyValues("alize.identity.smtp.host=smtp.example.org", "alize.identity.smtp.port=2525")
                .run(c -> {
                    JavaMailSenderImpl sender = c.getBean(JavaMailSenderImpl.class);
                    assertThat(sender.getHost()).isEqualTo("smtp.example.org");
                    assertThat(sender.getPort()).isEqualTo(2525);
                    assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "5000");
                });
    }
}
