package org.alize.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.FormKeys;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Every form that posts carries a key minted when its page was drawn (hidden field {@value FormKeys#FIELD}), and
 * the API calls the post makes send it as their {@code Idempotency-Key}: a double click, a resent form or
 * a reload of the answer is one booking, not two. Forms are found the way Spring Security adds its CSRF
 * field (Thymeleaf's {@code th:action} asks the {@link RequestDataValueProcessor}); this wraps it.
 */
@Component
class IdempotentForms implements BeanPostProcessor {

    private static final String SKIP = IdempotentForms.class.getName() + ".get";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestDataValueProcessor processor && !(bean instanceof KeyedForms)) {
            return new KeyedForms(processor);
        }
        return bean;
    }

    private static final class KeyedForms implements RequestDataValueProcessor {

        private final RequestDataValueProcessor delegate;

        KeyedForms(RequestDataValueProcessor delegate) {
            this.delegate = delegate;
        }

        @Override
        public String processAction(HttpServletRequest request, String action, String httpMethod) {
            if ("get".equalsIgnoreCase(httpMethod)) {
                request.setAttribute(SKIP, Boolean.TRUE);
            }
            return delegate.processAction(request, action, httpMethod);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> delegated = delegate.getExtraHiddenFields(request);
            if (delegated != null) {
                fields.putAll(delegated);
            }
            if (Boolean.TRUE.equals(request.getAttribute(SKIP))) {
                request.removeAttribute(SKIP);
            } else {
                fields.put(FormKeys.FIELD, UUID.randomUUID().toString());
            }
            return fields;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }
}
