package cn.pingangrid.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The format of a personal access token: {@code pgt_} + 43 base64url characters (a 256-bit random secret) + 6
 * base64url characters of a CRC-32 over the secret. The prefix lets secret scanners and people recognise a leaked
 * token; the checksum tells a mistyped or truncated token from an unknown one without a database lookup. Only the
 * SHA-256 of the whole token is stored.
 */
final class TokenFormat {

    static final String PREFIX = "pgt_";
    private static final int SECRET_CHARS = 43; // 32 bytes, base64url without padding
    private static final int CHECK_CHARS = 6; // 4 bytes
    static final int LENGTH = PREFIX.length() + SECRET_CHARS + CHECK_CHARS;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenFormat() {
    }

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String body = BASE64URL.encodeToString(secret);
        return PREFIX + body + checksum(body);
    }

    /** Whether {@code token} has the form of a token this application issues (prefix, length, alphabet, checksum). */
    static boolean wellFormed(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        String body = token.substring(PREFIX.length(), PREFIX.length() + SECRET_CHARS);
        return checksum(body).equals(token.substring(PREFIX.length() + SECRET_CHARS));
    }

    /** The stored form: lower-case hex SHA-256 of the whole token. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a list shows to tell tokens apart: the prefix and the first characters of the secret. */
    static String hint(String token) {
        return token.substring(0, PREFIX.length() + 6) + "…";
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        byte[] bytes = { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
        return BASE64URL.encodeToString(bytes);
    }
}
