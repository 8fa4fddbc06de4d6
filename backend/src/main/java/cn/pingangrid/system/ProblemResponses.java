package cn.pingangrid.system;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error a client can cause into an {@code application/problem+json} answer in Chinese, naming the
 * field where there is one. Nothing internal (stack trace, SQL, class names) ever reaches the client.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String reason = "无法识别的取值「" + ex.getValue() + "」";
        return problem(invalidField(field, reason), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(invalidField(ex.getParameterName(), "缺少必填参数"), headers);
    }

    /**
     * A body that is not JSON, or JSON with a value of the wrong kind ({@link StrictJson}): a 400 naming the field
     * by its path ({@code parties[0].name}) and why.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException json && !(cause instanceof StreamReadException
                && !(cause instanceof InputCoercionException))) {
            return problem(invalidField(path(json), reason(json)), headers);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                cause == null ? "缺少请求体" : "请求体不是有效的 JSON");
        problem.setTitle("请求无效");
        return problem(problem, headers);
    }

    /** Bean Validation on a request record ({@code @Valid @RequestBody}): every refused field with its reason. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> invalid = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            invalid.add(Map.of("name", error.getField(), "reason", reason(error,
                    error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null)));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> invalid.add(Map.of("name", e.getObjectName(),
                "reason", String.valueOf(e.getDefaultMessage()))));
        return problem(invalidFields(invalid), headers);
    }

    /** Bean Validation on query parameters or on a body together with them. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> invalid = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name()
                    : param != null && !param.value().isEmpty() ? param.value()
                            : String.valueOf(result.getMethodParameter().getParameterName());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError f ? f.getField() : name;
                ConstraintViolation<?> violation = null;
                try {
                    violation = result.unwrap(error, ConstraintViolation.class);
                } catch (IllegalArgumentException ignored) {
                    // not from Bean Validation
                }
                invalid.add(Map.of("name", field, "reason", reason(error, violation)));
            }
        });
        return problem(invalidFields(invalid), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(invalidField(ex.getRequestPartName(), "缺少上传的文件（multipart/form-data）"), headers);
    }

    /** An upload that is not {@code multipart/form-data} (or is malformed): a 400, not a 500. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> notMultipart(MultipartException ex) {
        return problem(invalidField("file", "须以 multipart/form-data 上传文件"), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "没有这个地址：/" + ex.getResourcePath());
        problem.setTitle("未找到");
        return problem(problem, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                "此地址不支持 " + ex.getMethod() + " 请求");
        problem.setTitle("请求方法不允许");
        return problem(problem, headers);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大");
        problem.setTitle("文件过大");
        return problem(problem, headers);
    }

    /** The last resort: logged with its stack trace here, answered without one. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "服务器内部错误，请稍后再试；如持续出现请联系管理员");
        problem.setTitle("服务器错误");
        return problem(problem, new HttpHeaders());
    }

    private static ProblemDetail invalidField(String field, String reason) {
        return new InvalidInputException(field, reason).getBody();
    }

    private static ProblemDetail invalidFields(List<Map<String, Object>> invalid) {
        if (invalid.isEmpty()) {
            return invalidField("body", "请求无效");
        }
        ProblemDetail problem = invalidField((String) invalid.get(0).get("name"),
                (String) invalid.get(0).get("reason"));
        problem.setProperty("invalid-params", invalid);
        return problem;
    }

    /** {@code parties[0].name} from Jackson's path; the body itself when the path is empty. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Why a JSON value was refused, in Chinese: our own reason (NUL, …) or one by the expected kind. */
    static String reason(JacksonException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return original;
        }
        if (e instanceof InputCoercionException) {
            return "数值超出范围";
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) {
            return "取值的类型不对";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == BigInteger.class) {
            return "须为整数（不接受小数、文本或布尔值）";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == BigDecimal.class) {
            return "须为数字（不接受文本或布尔值）";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "须为 true 或 false";
        }
        if (target == String.class) {
            return "须为文本（字符串）";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "须为数组";
        }
        return "须为 JSON 对象";
    }

    /** A Bean Validation error in words, from its constraint (lengths and ranges are those of the columns). */
    private static String reason(MessageSourceResolvable error, ConstraintViolation<?> violation) {
        if (violation == null) {
            return String.valueOf(error.getDefaultMessage());
        }
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Object value = violation.getInvalidValue();
        if (constraint instanceof Size size) {
            boolean text = value instanceof CharSequence;
            if (size.min() > 0 && (value instanceof CharSequence cs ? cs.length() : size.max()) < size.min()) {
                return text ? "至少 " + size.min() + " 字" : "至少 " + size.min() + " 项";
            }
            return text ? "不能超过 " + size.max() + " 字" : "最多 " + size.max() + " 项";
        }
        if (constraint instanceof Min min) {
            return "不能小于 " + min.value();
        }
        if (constraint instanceof Max max) {
            return "不能大于 " + max.value();
        }
        if (constraint instanceof DecimalMin min) {
            return "不能小于 " + min.value();
        }
        if (constraint instanceof DecimalMax max) {
            return "不能大于 " + max.value();
        }
        if (constraint instanceof Digits digits) {
            return "最多 " + digits.integer() + " 位整数、" + digits.fraction() + " 位小数";
        }
        if (constraint instanceof NotNull) {
            return "不能为空（null）";
        }
        if (constraint instanceof NotBlank) {
            return "必填";
        }
        return violation.getMessage();
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
