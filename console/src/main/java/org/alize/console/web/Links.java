package org.alize.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to the current page with one parameter changed ({@code ${@links.with('page', 2)}}): pagers keep the filters. */
@Component("links")
public class Links {

    public String with(String parameter, Object value) {
        return current(parameter, value);
    }

    static String current(String parameter, Object value) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam(parameter, value).build(true).toUriString();
    }
}
