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
        // written by hand: Tomcat refuses before Spring (and its JSON mapper) is reached; nothing here needs escaping
        java.util.Map<String, Object> problem = Problems.asMap(Problems.of(org.springframework.http.HttpStatusCode.valueOf(status),
                "request.rejected", status >= 500 ? "Erreur interne" : "Requête refusée", detail, null, java.util.Map.of()));
        StringBuilder body = new StringBuilder("{");
        problem.forEach((name, value) -> body.append(body.length() > 1 ? "," : "").append('"').append(name).append("\":")
                .append(value instanceof Number ? value.toString() : "\"" + value + "\""));
        body.append('}');
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body.toString());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken: nothing more to say
        }
    }
}
