package org.alize.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiresBasinRole} and {@link RequiresNetworkRole} where a handler declares them: the authorisation
 * of an endpoint reads on its signature, not in its body. A refusal is the usual 403 problem.
 */
public class RoleInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RequiresBasinRole basin = annotation(method, RequiresBasinRole.class);
            if (basin != null) {
                CurrentGrants.requireBasinRole(basin.value());
            }
            RequiresNetworkRole network = annotation(method, RequiresNetworkRole.class);
            if (network != null) {
                CurrentGrants.requireNetworkRole(network.value());
            }
        }
        return true;
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }
}
