package org.orderly.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Orderly server: REST API, web pages and metrics over the regime registry. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderlyServer {
    public static void main(String[] args) {
        SpringApplication.run(OrderlyServer.class, args);
    }
}
