package org.alize.identity.web;

import java.io.IOException;
import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.alize.identity.account.SecondFactors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The login form's success: a person whose roles require a second factor is not signed in yet. The password is
 * right, so the session remembers who is half-way ({@link Pending}) with no authentication in it, and the person
 * goes to the code page (or, not enrolled yet, to the page that configures their application); only a right code
 * puts the authentication in the session ({@link #complete}) and resumes where the login began (the client's
 * authorization request). Anyone else goes on as before.
 */
@Component
public class SecondFactorLogin implements AuthenticationSuccessHandler {

    static final String PENDING = "alize.second-factor.pending";
    static final int ATTEMPTS = 5;

    /** Who passed the password step (its authentication, kept aside), and how many wrong codes they have typed since. */
    record Pending(String login, int wrongCodes, Authentication password) implements Serializable {
    }

    /** The factor a code of the authenticator application adds to the password's. */
    static final String TOTP_FACTOR = "totp";

    private final SecondFactors factors;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();
    private final SavedRequestAwareAuthenticationSuccessHandler resume = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorLogin(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        String login = authentication.getName();
        SecondFactors.Step step = factors.step(login);
        if (step == SecondFactors.Step.NONE) {
            resume.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        // the password alone signs nobody in: the session holds no authentication until the code is right
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        contexts.saveContext(empty, request, response);
        request.getSession().setAttribute(PENDING, new Pending(login, 0, authentication));
        response.sendRedirect(request.getContextPath() + (step == SecondFactors.Step.CODE ? "/connexion/code" : "/connexion/configuration"));
    }

    static Pending pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Pending) session.getAttribute(PENDING);
    }

    /** A wrong code: counted; past {@link #ATTEMPTS}, the login starts over. Whether the person may try again. */
    static boolean wrongCode(HttpServletRequest request, Pending pending) {
        if (pending.wrongCodes() + 1 >= ATTEMPTS) {
            request.getSession().removeAttribute(PENDING);
            return false;
        }
        request.getSession().setAttribute(PENDING, new Pending(pending.login(), pending.wrongCodes() + 1, pending.password()));
        return true;
    }

    /**
     * The second factor is right: the person is signed in with both factors (the password's authentication, with
     * the time of each); where the login began, to go back to (or the start).
     */
    String complete(HttpServletRequest request, HttpServletResponse response, Pending pending) {
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(pending.password().toBuilder()
                .authorities(authorities -> authorities.add(FactorGrantedAuthority.withFactor(TOTP_FACTOR).build())).build());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null) {
            requests.removeRequest(request, response);
            return saved.getRedirectUrl();
        }
        return request.getContextPath() + "/";
    }

}
