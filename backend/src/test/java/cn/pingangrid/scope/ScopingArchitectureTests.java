package cn.pingangrid.scope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scoping by construction: the rules that make forgetting the area scope impossible rather than unlikely. A class
 * that queries the database around {@link ScopedQueries} fails the build here, before any scoping test runs.
 */
class ScopingArchitectureTests {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.pingangrid");
    }

    /**
     * The only classes allowed raw JDBC, each for a reason: the bulk imports of the town's dataset and of the
     * benchmark county (named unscoped paths), and the two pieces of plumbing that let instances share one database,
     * which read no area-bound data — the job locks (ShedLock's own table) and LISTEN/NOTIFY (ids only; listeners read
     * through the scope).
     */
    private static final Map<String, String> JDBC_ALLOWED = Map.of(
            UnscopedPath.GEOGRAPHY_IMPORT.owner(), "bulk import of the dataset at start-up",
            UnscopedPath.COUNTY_LOAD.owner(), "bulk load of the benchmark county by COPY, on request",
            "cn.pingangrid.system.JobLocks", "the shedlock table: a scheduled job runs on one instance",
            "cn.pingangrid.system.DatabaseNotifications", "NOTIFY/LISTEN of committed ids between instances");

    @Test
    void onlyTheScopePackageTalksToTheEntityManager() {
        noClasses().that().resideOutsideOfPackage("cn.pingangrid.scope..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.Query")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.TypedQuery")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManagerFactory")
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence.criteria..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hibernate.Session")
                .orShould().dependOnClassesThat().resideInAPackage("org.hibernate.query..")
                .because("every read and write of area-bound data goes through ScopedQueries, which adds the scope")
                .check(production);
    }

    @Test
    void onlyTheNamedImportUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("cn.pingangrid.scope..")
                .and(notOneOf(JDBC_ALLOWED.keySet().toArray(String[]::new)))
                .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("raw SQL would bypass the scope; JDBC_ALLOWED names the few exceptions and why")
                .check(production);
        for (String allowed : JDBC_ALLOWED.keySet()) {
            assertThat(production.contain(allowed)).as("JDBC exception %s exists", allowed).isTrue();
        }
    }

    @Test
    void unscopedPathsAreOpenedOnlyByTheirOwners() {
        String[] owners = Arrays.stream(UnscopedPath.values()).map(UnscopedPath::owner).distinct()
                .toArray(String[]::new);
        noClasses().that().resideOutsideOfPackage("cn.pingangrid.scope..")
                .and(notOneOf(owners))
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(SystemScope.class))))
                .because("the system's own unscoped work is listed in UnscopedPath, each path with its one owner")
                .check(production);
        for (String owner : owners) {
            assertThat(production.contain(owner)).as("owner %s exists", owner).isTrue();
        }
    }

    @Test
    void everyEntitySaysWhereItsRowsBelong() {
        classes().that().areAnnotatedWith(Entity.class).should(new com.tngtech.archunit.lang.ArchCondition<>(
                "be annotated with exactly one of @AreaBound and @Unbound") {
            @Override
            public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                boolean bound = item.isAnnotatedWith(AreaBound.class);
                boolean unbound = item.isAnnotatedWith(Unbound.class);
                if (bound == unbound) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item,
                            item.getName() + " must be either @AreaBound or @Unbound"));
                }
            }
        }).check(production);
    }

    /** Spring Data repositories carry no scope, so they may only serve entities that are not area-bound. */
    @Test
    void springDataRepositoriesServeOnlyUnboundEntities() {
        List<JavaClass> repositories = production.stream()
                .filter(c -> c.isAssignableTo(org.springframework.data.repository.Repository.class))
                .filter(c -> !c.isEquivalentTo(org.springframework.data.repository.Repository.class)).toList();
        for (JavaClass repository : repositories) {
            Class<?> entity = entityOf(repository.reflect());
            assertThat(entity.isAnnotationPresent(Unbound.class))
                    .as("%s serves %s, which is area-bound: use ScopedQueries", repository.getName(), entity.getName())
                    .isTrue();
        }
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> notOneOf(String[] names) {
        Set<String> set = Arrays.stream(names).collect(Collectors.toSet());
        return com.tngtech.archunit.base.DescribedPredicate.describe("not one of " + set,
                c -> !set.contains(c.getName()));
    }

    private static Class<?> entityOf(Class<?> repository) {
        for (Type type : repository.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p
                    && org.springframework.data.repository.Repository.class.isAssignableFrom((Class<?>) p.getRawType())) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException(repository.getName() + " names no entity type");
    }
}
