package org.alize.notification.mail;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mails' bodies: one template per kind under {@code mail/}, in plain text ({@code .txt}) and in HTML ({@code .html},
 * escaped by Thymeleaf: a company name is never markup).
 */
@Component
public class Templates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public Templates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }

    public record Body(String text, String html) {
    }

    public Body render(String template, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.FRANCE, model);
        return new Body(engine.process(template + ".txt", context).strip() + "\n", engine.process(template + ".html", context));
    }
}
