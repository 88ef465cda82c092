package de.impftermin.platform;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the JSON API into {@code application/problem+json} (RFC 9457) with {@code status},
 * {@code title}, {@code detail} and a machine-readable {@code code}. Bad input is a 400 or 422, never a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        ProblemDetail problem = Problems.of(refusal.status(), refusal.code(), refusal.getMessage());
        HttpHeaders headers = new HttpHeaders();
        if (refusal.retryAfter() != null) {
            headers.set(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
        }
        return Problems.response(problem, headers);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, ConstraintViolationException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return Problems.response(
                Problems.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "A parameter has an invalid value."),
                new HttpHeaders());
    }

    /**
     * A query or form parameter that is not valid UTF-8 ({@code %ED%A0%80}, half of a surrogate pair): Tomcat finds
     * out only when the application first asks for a parameter.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
        return Problems.response(
                Problems.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "A parameter is not valid UTF-8."),
                new HttpHeaders());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            // SQL class 22 "data exception": a value the database cannot store (a NUL character, a date out of
            // range). That is bad input, not a conflict with the current state.
            // the SQL state only: the message quotes the value, which may be a name or a birth date
            log.info("Refused a value the database cannot store (SQL state {})", sql.getSQLState());
            return Problems.response(
                    Problems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "VALIDATION_FAILED",
                            "A value is out of range or contains characters that cannot be stored."),
                    new HttpHeaders());
        }
        log.info("Refused a change that broke a database constraint: {}", constraintOf(e));
        return Problems.response(
                Problems.of(HttpStatus.CONFLICT, "CONFLICT", "The request conflicts with the current state."),
                new HttpHeaders());
    }

    /** The constraint's name, never the message: it quotes the row's values (a person's name key). */
    private static String constraintOf(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            String constraint = psql.getServerErrorMessage().getConstraint();
            return constraint == null ? "SQL state " + psql.getSQLState() : constraint;
        }
        return e.getMostSpecificCause().getClass().getSimpleName();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("Database unavailable, answered 503: {}", e.toString());
            return refusal(DatabaseUnavailable.refusal());
        }
        log.error("Unexpected failure", e);
        return Problems.response(
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "INTERNAL_ERROR",
                        "Something went wrong on our side. Nothing was changed; please try again."),
                new HttpHeaders());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandling::fieldError)
                .toList();
        String detail = errors.isEmpty()
                ? "The request is invalid."
                : errors.stream()
                        .map(e -> e.get("field") + " " + e.get("message"))
                        .reduce((a, b) -> a + "; " + b)
                        .orElseThrow();
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", detail);
        problem.setProperty("errors", errors);
        return new ResponseEntity<>(problem, Problems.headers(headers), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", "A parameter or field is invalid.");
        return new ResponseEntity<>(problem, Problems.headers(headers), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "The request body is not valid JSON of the expected shape (check types, dates YYYY-MM-DD and times HH:mm).");
        return new ResponseEntity<>(problem, Problems.headers(headers), HttpStatus.BAD_REQUEST);
    }

    /**
     * An unknown path under {@code /api} is a problem+json 404 like every other API error; any other unknown path
     * goes on to the error page that browsers see.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && !servlet.getRequest().getRequestURI().startsWith("/api/")
                && servlet.getResponse() != null) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
            } catch (java.io.IOException e) {
                log.debug("Could not send the 404 page", e);
            }
            return null;
        }
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is no such resource.");
        return new ResponseEntity<>(problem, Problems.headers(headers), HttpStatus.NOT_FOUND);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", Problems.codeFor(statusCode));
        }
        if (problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(statusCode.value());
            problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        }
        problem.setType(URI.create("about:blank"));
        return new ResponseEntity<>(problem, Problems.headers(headers), statusCode);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of(
                "field",
                error.getField(),
                "message",
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}
