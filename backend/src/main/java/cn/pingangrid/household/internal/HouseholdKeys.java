package cn.pingangrid.household.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys of the household archive: AES keys by id (each stored value names its key, so old keys keep reading while
 * {@link HouseholdKeyRotation} moves every value to a new one) and one HMAC key for the ID number's blind index.
 *
 * <p>From configuration when {@code pingan.household.keys} ({@code PINGAN_HOUSEHOLD_KEYS}, e.g.
 * {@code k1:<base64>,k2:<base64>}) is set, with {@code pingan.household.index-key} and optionally
 * {@code pingan.household.active-key} (default: the last listed). Otherwise from the key file
 * {@code pingan.household.key-file} (default {@code ./data/household-keys.properties}, beside the embedded
 * database, git-ignored), generated on first start so that the README's run command needs no set-up. Keys never
 * appear in the repository or in a log line. See docs/decisions/household-archive.md.
 */
@Component
class HouseholdKeys {

    private static final Logger log = LoggerFactory.getLogger(HouseholdKeys.class);
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecretKey indexKey;
    /** The key file, or null when the keys come from configuration (then new keys cannot be made here). */
    private final Path file;
    private volatile String active;

    HouseholdKeys(@Value("${pingan.household.keys:}") String configured,
            @Value("${pingan.household.index-key:}") String configuredIndexKey,
            @Value("${pingan.household.active-key:}") String configuredActive,
            @Value("${pingan.household.key-file:./data/household-keys.properties}") String keyFile,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        if (!configured.isBlank()) {
            for (String entry : configured.split(",")) {
                String[] parts = entry.strip().split(":", 2);
                if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
                    throw new IllegalStateException("pingan.household.keys: each entry is <keyId>:<base64 AES key>,"
                            + " keyId of letters, digits, '-' or '_' (at most 16)");
                }
                keys.put(parts[0], aesKey(parts[0], parts[1]));
            }
            if (configuredIndexKey.isBlank()) {
                throw new IllegalStateException("pingan.household.index-key (PINGAN_HOUSEHOLD_INDEX_KEY) is required "
                        + "with pingan.household.keys: the blind index of ID numbers needs its own key");
            }
            indexKey = hmacKey(configuredIndexKey);
            active = configuredActive.isBlank() ? keys.keySet().stream().reduce((a, b) -> b).orElseThrow()
                    : configuredActive;
            if (!keys.containsKey(active)) {
                throw new IllegalStateException("pingan.household.active-key names no configured key: " + active);
            }
            file = null;
            log.info("一户一档：使用配置的 {} 个密钥，当前密钥 {}", keys.size(), active);
            return;
        }
        file = Path.of(keyFile);
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the household key file " + file, e);
            }
        } else {
            stored.setProperty("key.k1", Base64.getEncoder().encodeToString(random(32)));
            stored.setProperty("index", Base64.getEncoder().encodeToString(random(32)));
            stored.setProperty("active", "k1");
            write(file, stored);
            log.warn("一户一档：没有配置密钥（PINGAN_HOUSEHOLD_KEYS），已生成新密钥文件 {}。它只适合演示和本机试用："
                    + "生产环境请用环境变量配置密钥，并妥善备份——丢失密钥就无法读出身份证号码和电话", file.toAbsolutePath());
        }
        stored.stringPropertyNames().stream().filter(n -> n.startsWith("key.")).sorted()
                .forEach(n -> keys.put(n.substring(4), aesKey(n.substring(4), stored.getProperty(n))));
        indexKey = hmacKey(stored.getProperty("index", ""));
        active = stored.getProperty("active", "");
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("the household key file " + file + " names no key " + active);
        }
        log.info("一户一档：密钥文件 {}（{} 个密钥，当前密钥 {}）", file.toAbsolutePath(), keys.size(), active);
        if (!databaseUrl.startsWith("jdbc:h2:")) {
            // a shared database with a key file per machine: each instance would write values the others cannot read
            log.warn("一户一档：使用共享数据库时请用 PINGAN_HOUSEHOLD_KEYS 和 PINGAN_HOUSEHOLD_INDEX_KEY 为所有实例配置同一组密钥，"
                    + "不要依赖本机密钥文件 {}", file.toAbsolutePath());
        }
    }

    /** The id of the key new values are encrypted with. */
    String active() {
        return active;
    }

    SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("一户一档：没有密钥 " + id + "（请配置 PINGAN_HOUSEHOLD_KEYS）");
        }
        return key;
    }

    Map<String, SecretKey> all() {
        return Collections.unmodifiableMap(keys);
    }

    SecretKey indexKey() {
        return indexKey;
    }

    /**
     * Makes {@code id} the key for new values: a configured key, or with a key file a new random key written to the
     * file first (so no value is ever encrypted with a key that is not stored).
     */
    synchronized void activate(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("密钥编号只能由字母、数字、'-'、'_' 组成，最多 16 个字符：" + id);
        }
        if (!keys.containsKey(id)) {
            if (file == null) {
                throw new IllegalArgumentException("密钥 " + id + " 未在 PINGAN_HOUSEHOLD_KEYS 中配置");
            }
            keys.put(id, new SecretKeySpec(random(32), "AES"));
        }
        active = id;
        if (file != null) {
            Properties stored = new Properties();
            keys.forEach((k, v) -> stored.setProperty("key." + k, Base64.getEncoder().encodeToString(v.getEncoded())));
            stored.setProperty("index", Base64.getEncoder().encodeToString(indexKey.getEncoded()));
            stored.setProperty("active", id);
            write(file, stored);
        }
    }

    private static void write(Path file, Properties stored) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the file keeps the directory's permissions
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                stored.store(out, "Pingan Grid household archive keys: keep secret, back up, never commit");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the household key file " + file, e);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes = decode(base64);
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("household key " + id + " must be 16, 24 or 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey hmacKey(String base64) {
        byte[] bytes = decode(base64);
        if (bytes.length < 32) {
            throw new IllegalStateException("the household index key must be at least 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a household key is not valid base64");
        }
    }

    static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
