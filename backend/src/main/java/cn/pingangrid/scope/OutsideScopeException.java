package cn.pingangrid.scope;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A row was to be written outside the caller's area: a 403 problem. Modules check the place first and name the
 * field (a 400); this is the guarantee behind those checks, so a forgotten check still writes nothing.
 */
public class OutsideScopeException extends ErrorResponseException {

    public OutsideScopeException() {
        super(HttpStatus.FORBIDDEN, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "不在您负责的区域内");
        problem.setTitle("无权操作");
        return problem;
    }
}
