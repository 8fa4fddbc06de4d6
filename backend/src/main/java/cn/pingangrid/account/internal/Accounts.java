package cn.pingangrid.account.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import cn.pingangrid.account.Role;

interface Accounts extends Repository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    /**
     * The account with its row locked until the transaction ends ({@code SELECT … FOR UPDATE} on H2 and
     * PostgreSQL alike): sign-in decisions on one account are taken one after another, never on a stale count.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.username = :username")
    Optional<UserAccount> lockByUsername(@Param("username") String username);

    Optional<UserAccount> findById(Long id);

    List<UserAccount> findAllByOrderByUsername();

    List<UserAccount> findAllByUsernameIn(java.util.Collection<String> usernames);

    boolean existsByUsername(String username);

    boolean existsByRolesContaining(Role role);

    UserAccount save(UserAccount account);
}
