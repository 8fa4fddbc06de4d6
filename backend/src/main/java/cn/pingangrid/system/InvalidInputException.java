package cn.pingangrid.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client sent a value the API cannot accept. Answered as a 400 problem whose {@code invalid-params}
 * names the field and the reason (RFC 9457 §3.2 example), so a form can show the error next to the field.
 */
public class InvalidInputException extends ErrorResponseException {

    private final String field;

    public InvalidInputException(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(field, reason), null);
        this.field = field;
    }

    public String field() {
        return field;
    }

    private static ProblemDetail problem(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + "：" + reason);
        problem.setTitle("请求参数无效");
        problem.setProperty("invalid-params", List.of(Map.of("name", field, "reason", reason)));
        return problem;
    }
}
