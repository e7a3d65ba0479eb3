package org.alize.tenancy.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * What Tomcat answers when a request fails before the application sees it (a path that does not decode
 * as UTF-8, an encoded slash, a line too long) or when an error leaves no body: a French problem document
 * like every other refusal of the platform, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String detail = status == 400 ? "La requête est mal formée (adresse ou caractères invalides)."
                : status == 404 ? "Aucune ressource à cette adresse."
                : status == 413 ? "La requête est trop volumineuse."
                : status >= 500 ? "Une erreur inattendue est survenue ; réessayez ou contactez l'assistance."
                : "La requête ne peut aboutir.";
        String body = "{\"type\":\"about:blank\",\"title\":\"" + (status >= 500 ? "Erreur interne" : "Requête refusée")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"request.rejected\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken: nothing more to say
        }
    }
}
