package cn.pingangrid.dispute.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import cn.pingangrid.dispute.DisputeStatus;

/** A workflow step that the dispute's current status does not allow: a 409 problem naming both. */
public class IllegalTransitionException extends ErrorResponseException {

    public IllegalTransitionException(DisputeStatus status, DisputeAction action) {
        super(HttpStatus.CONFLICT, problem(status, action), null);
    }

    private static ProblemDetail problem(DisputeStatus status, DisputeAction action) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "纠纷当前状态为「" + status.label() + "」，不能执行「" + action.label() + "」");
        problem.setTitle("状态不允许此操作");
        problem.setProperty("status", status.name());
        problem.setProperty("action", action.name());
        return problem;
    }
}
