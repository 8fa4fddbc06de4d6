package cn.pingangrid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.LocalDate;
import java.time.YearMonth;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules about where work happens: transactions belong to services (a controller only translates HTTP), and dates
 * from requests are read in one place ({@code system.Dates}: ISO dates, 1900–2100, problem+json naming the field).
 */
class ServiceLayerArchitectureTests {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.pingangrid");
    }

    @Test
    void controllersAreNotTransactional() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().beAnnotatedWith(org.springframework.transaction.annotation.Transactional.class)
                .orShould().beAnnotatedWith(jakarta.transaction.Transactional.class)
                .because("transactions belong to the service layer; move the work into a service")
                .check(production);
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
                .should().notBeAnnotatedWith(org.springframework.transaction.annotation.Transactional.class)
                .andShould().notBeAnnotatedWith(jakarta.transaction.Transactional.class)
                .because("transactions belong to the service layer; move the work into a service")
                .check(production);
    }

    @Test
    void datesAreParsedOnlyBySystemDates() {
        noClasses().that().resideOutsideOfPackage("cn.pingangrid.system..")
                .should().callMethod(LocalDate.class, "parse", CharSequence.class)
                .orShould().callMethod(LocalDate.class, "parse", CharSequence.class,
                        java.time.format.DateTimeFormatter.class)
                .orShould().callMethod(YearMonth.class, "parse", CharSequence.class)
                .orShould().callMethod(YearMonth.class, "parse", CharSequence.class,
                        java.time.format.DateTimeFormatter.class)
                .because("system.Dates parses dates from requests: ISO only, 1900–2100, a 400 naming the field")
                .check(production);
    }
}
