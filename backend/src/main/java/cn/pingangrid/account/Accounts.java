package cn.pingangrid.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Accounts extends Repository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findById(Long id);

    List<UserAccount> findAllByOrderByUsername();

    List<UserAccount> findAllByUsernameIn(java.util.Collection<String> usernames);

    boolean existsByUsername(String username);

    boolean existsByRolesContaining(Role role);

    UserAccount save(UserAccount account);
}
