package cn.pingangrid.system;

/** A code with its Chinese label, as every view writes an enum value: {@code {"code": …, "label": …}}. */
public record CodeLabel(String code, String label) {
}
