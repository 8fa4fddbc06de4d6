package cn.pingangrid.household.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal identifiers for storage: AES-GCM with a fresh 96-bit IV per value, stored as
 * {@code keyId:base64(iv|ciphertext+tag)}, so a value names the key that reads it and the key can be rotated. The
 * blind index is HMAC-SHA256 under a separate key: equal ID numbers give equal indexes (exact lookup, duplicate
 * checks) without the database ever holding, or being searchable by, the number itself.
 */
@Component
class HouseholdCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final HouseholdKeys keys;

    HouseholdCipher(HouseholdKeys keys) {
        this.keys = keys;
    }

    /** The stored form of {@code plain} under the active key; null stays null. */
    String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        String keyId = keys.active();
        byte[] iv = HouseholdKeys.random(IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII)); // the key id cannot be swapped
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value of a stored one, with whichever key it names; null stays null. */
    String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("a stored household value has no key id");
        }
        String keyId = stored.substring(0, colon);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored household value under key " + keyId + " is not base64");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // never the value: only which key failed
            throw new IllegalStateException("a household value does not decrypt with key " + keyId);
        }
    }

    /** The key id a stored value names. */
    static String keyOf(String stored) {
        return stored == null ? null : stored.substring(0, Math.max(0, stored.indexOf(':')));
    }

    /** The stored value under the active key (unchanged when it already uses it). */
    String reseal(String stored) {
        return stored == null || keyOf(stored).equals(keys.active()) ? stored : encrypt(decrypt(stored));
    }

    /** The blind index of a (normalised) ID number. */
    String index(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.indexKey());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
