package cn.pingangrid.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as a problem too: what the server or the security firewall refuses
 * before any controller runs (a malformed URL, an encoded NUL in the path, a request the firewall rejects) is
 * answered as {@code application/problem+json} like every other error, never an HTML or Whitelabel page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Error page for {} {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status,
                    error instanceof Throwable t ? t : null);
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "请求无效（地址或参数的格式不对）";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "无权操作";
            case NOT_FOUND -> "没有这个地址";
            case METHOD_NOT_ALLOWED -> "此地址不支持该请求方法";
            case PAYLOAD_TOO_LARGE -> "请求过大";
            default -> status.is5xxServerError() ? "服务器内部错误，请稍后再试；如持续出现请联系管理员" : "请求无法处理";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.is5xxServerError() ? "服务器错误" : "请求无效");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
