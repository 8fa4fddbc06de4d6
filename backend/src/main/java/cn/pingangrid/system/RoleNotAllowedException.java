package cn.pingangrid.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller's role may not do this (whatever the area): a 403 problem. Not for hiding objects (that is a 404). */
public class RoleNotAllowedException extends ErrorResponseException {

    public RoleNotAllowedException(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("无权操作");
        return problem;
    }
}
