package cn.pingangrid.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface PersonalAccessTokens extends Repository<PersonalAccessToken, Long> {

    Optional<PersonalAccessToken> findByTokenHash(String tokenHash);

    Optional<PersonalAccessToken> findByIdAndUserId(Long id, Long userId);

    List<PersonalAccessToken> findAllByUserIdOrderByIdDesc(Long userId);

    PersonalAccessToken save(PersonalAccessToken token);
}
