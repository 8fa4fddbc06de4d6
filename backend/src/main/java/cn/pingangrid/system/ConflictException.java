package cn.pingangrid.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request clashes with what is already there (a duplicate, a repeated filing): a 409 problem. */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return problem;
    }
}
