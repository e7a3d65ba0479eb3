package org.alize.tenancy.input;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.tenancy.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first check of every request: query parameters short (a search at most 200 characters, anything else
 * 4,096) and free of control characters (a NUL in a search string reached the database and failed there), and a body no larger than
 * {@link InputBounds#MAX_BODY_BYTES}, whether it announces its length or streams it in chunks.
 */
public final class InputBoundsFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public InputBoundsFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > InputBounds.MAX_BODY_BYTES) {
            tooLarge(request, response);
            return;
        }
        Optional<String> badParameter = parameterProblem(request);
        if (badParameter.isPresent()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "request.invalid", "Requête invalide",
                    badParameter.get());
            return;
        }
        LimitedRequest limited = new LimitedRequest(request);
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | RuntimeException e) {
            if (limited.exceeded && !response.isCommitted()) {
                response.reset();
                tooLarge(request, response);
                return;
            }
            throw e;
        }
    }

    private static Optional<String> parameterProblem(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return Optional.empty();
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // the container could not decode them (an overlong UTF-8 sequence such as %C0%80)
            return Optional.of("Paramètres invalides : encodage illisible (UTF-8 attendu).");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            int maxLength = "q".equals(name) ? InputBounds.MAX_SEARCH_LENGTH : InputBounds.MAX_PARAMETER_LENGTH;
            Optional<String> problem = InputBounds.textProblem(name, InputBounds.MAX_SEARCH_LENGTH)
                    .or(() -> valuesProblem(parameter.getValue(), maxLength));
            if (problem.isPresent()) {
                String shown = InputBounds.textProblem(name, 40).isPresent() ? "?" : name;
                return Optional.of("Paramètre « " + shown + " » invalide : " + problem.get() + ".");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> valuesProblem(String[] values, int maxLength) {
        if (values.length > 50) {
            return Optional.of("répété plus de 50 fois");
        }
        for (String value : values) {
            Optional<String> problem = InputBounds.textProblem(value, maxLength);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.too-large", "Requête trop volumineuse",
                "Le corps de la requête dépasse " + InputBounds.MAX_BODY_BYTES / 1024 + " Kio.");
    }

    /** Stops reading a streamed body past the cap; the failure it raises is answered 413. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;
        private volatile boolean exceeded;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > InputBounds.MAX_BODY_BYTES) {
                            exceeded = true;
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }

    /** Raised when a streamed body passes the cap; answered 413 wherever it surfaces. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body larger than " + InputBounds.MAX_BODY_BYTES + " bytes");
        }

        public static boolean isCauseOf(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof BodyTooLargeException) {
                    return true;
                }
            }
            return false;
        }
    }
}
