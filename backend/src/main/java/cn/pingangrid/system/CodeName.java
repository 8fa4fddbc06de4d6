package cn.pingangrid.system;

/** A code with its name, as the term lists and area references are written: {@code {"code": …, "name": …}}. */
public record CodeName(String code, String name) {
}
