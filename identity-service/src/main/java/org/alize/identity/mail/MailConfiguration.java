package org.alize.identity.mail;

import java.util.Properties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender for invitations, only when {@code alize.identity.smtp.host} names a server. Deployment files
 * pass an optional variable through (compose: {@code ALIZE_SMTP_HOST}); an empty value must mean « no mail »,
 * not a sender for localhost:25 (which is what an empty {@code spring.mail.host} gave, with a health check
 * that stayed DOWN and a provider that never started). Without a sender, invitation links go to the log.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    @ConditionalOnExpression("'${alize.identity.smtp.host:}'.trim() != ''")
    JavaMailSenderImpl alizeMailSender(Environment environment) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(environment.getRequiredProperty("alize.identity.smtp.host").trim());
        sender.setPort(environment.getProperty("alize.identity.smtp.port", Integer.class, 587));
        String username = environment.getProperty("alize.identity.smtp.username", "");
        if (!username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(environment.getProperty("alize.identity.smtp.password", ""));
        }
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
        properties.put("mail.smtp.starttls.enable", environment.getProperty("alize.identity.smtp.starttls", "true"));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        return sender;
    }
}
