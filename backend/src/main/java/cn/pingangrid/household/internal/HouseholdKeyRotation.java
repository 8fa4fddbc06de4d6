package cn.pingangrid.household.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.scope.UnscopedPath;

/**
 * Key rotation: {@code --pingan.household.rotate-to=k2} makes {@code k2} the key for new values (a configured key,
 * or a new one written to the key file) and re-encrypts every ID number and phone still under an older key, in
 * batches of {@value #BATCH} households, each batch its own transaction, with progress in the log. Values already
 * under the new key are left alone, so an interrupted rotation is finished by running it again. Old keys stay
 * configured (they cost nothing) until an operator removes them after a rotation has completed.
 */
@Component
class HouseholdKeyRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HouseholdKeyRotation.class);
    static final int BATCH = 200;

    /** Households read, values re-encrypted, and people whose values no configured key reads (left unchanged). */
    record Result(long households, long values, long unreadable) {
    }

    private final HouseholdKeys keys;
    private final HouseholdCipher cipher;
    private final Households households;
    private final TransactionTemplate transaction;
    private final String rotateTo;

    HouseholdKeyRotation(HouseholdKeys keys, HouseholdCipher cipher, Households households,
            PlatformTransactionManager transactions, @Value("${pingan.household.rotate-to:}") String rotateTo) {
        this.keys = keys;
        this.cipher = cipher;
        this.households = households;
        this.transaction = new TransactionTemplate(transactions);
        this.rotateTo = rotateTo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!rotateTo.isBlank()) {
            rotate(rotateTo.strip());
        }
    }

    Result rotate(String keyId) {
        keys.activate(keyId);
        return SystemScope.call(UnscopedPath.HOUSEHOLD_KEY_ROTATION, () -> {
            long total = transaction.execute(status -> households.count());
            log.info("一户一档密钥轮换：当前密钥改为 {}，开始重新加密 {} 户的身份证号码和电话", keyId, total);
            long done = 0;
            long values = 0;
            long unreadable = 0;
            long after = 0;
            while (true) {
                long from = after;
                long[] batch = transaction.execute(status -> {
                    List<Household> rows = households.batchAfter(from, BATCH);
                    long changed = 0;
                    long missing = 0;
                    for (Household h : rows) {
                        int[] r = h.reseal(cipher);
                        changed += r[0];
                        missing += r[1];
                    }
                    households.flushAndClear();
                    return new long[] { rows.size(), changed, rows.isEmpty() ? from : rows.get(rows.size() - 1).getId(),
                        missing };
                });
                if (batch[0] == 0) {
                    break;
                }
                done += batch[0];
                values += batch[1];
                after = batch[2];
                unreadable += batch[3];
                log.info("一户一档密钥轮换：{}/{} 户，已重新加密 {} 个值", done, total, values);
            }
            if (unreadable > 0) {
                log.warn("一户一档密钥轮换：{} 人的身份证号码或电话用的密钥未配置，无法读出，保持原样；"
                        + "配置该密钥后再运行一次轮换", unreadable);
            }
            log.info("一户一档密钥轮换完成：{} 户，{} 个值改用密钥 {}", done, values, keyId);
            return new Result(done, values, unreadable);
        });
    }
}
