package org.alize.notification.mail;

import java.util.Properties;

import org.alize.notification.NotificationSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP sender, only when {@code alize.notification.smtp.host} names a server: an empty value (deployment files pass
 * an optional variable through) means no mail, not a sender for localhost:25.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    @ConditionalOnExpression("'${alize.notification.smtp.host:}'.trim() != ''")
    JavaMailSenderImpl notificationMailSender(NotificationSettings settings) {
        NotificationSettings.Smtp smtp = settings.smtp();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host().trim());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        boolean authenticated = smtp.username() != null && !smtp.username().isBlank();
        if (authenticated) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(authenticated));
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        return sender;
    }
}
