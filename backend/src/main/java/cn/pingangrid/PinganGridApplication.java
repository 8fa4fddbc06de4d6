package cn.pingangrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 平安网格: the grid-management map platform. Each direct sub-package is one module (see package-info). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PinganGridApplication {

    public static void main(String[] args) {
        SpringApplication.run(PinganGridApplication.class, args);
    }
}
