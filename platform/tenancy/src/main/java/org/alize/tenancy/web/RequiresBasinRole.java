package org.alize.tenancy.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.alize.tenancy.BasinRole;

/**
 * The caller must hold one of these roles in the basin of the request's path, or the request is refused (403) before
 * the handler reads its body. On a handler method, or on a controller for all of its handlers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresBasinRole {

    BasinRole[] value();
}
