package dev.instanceha.ops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatusCollectorTest {
    @Test
    void nothingReportedMeansReady() {
        assertEquals(Status.active("Unit is ready"), new StatusCollector().mostSevere());
    }

    @Test
    void blockedBeatsMaintenanceBeatsWaitingBeatsActive() {
        StatusCollector collector = new StatusCollector();
        collector.report(Status.active("db ok"));
        collector.report(Status.waiting("'amqp' incomplete"));
        assertEquals(Status.waiting("'amqp' incomplete"), collector.mostSevere());
        collector.report(Status.maintenance("installing packages"));
        assertEquals(Status.maintenance("installing packages"), collector.mostSevere());
        collector.report(Status.blocked("'shared-db' missing"));
        collector.report(Status.waiting("later waiting"));
        assertEquals(Status.blocked("'shared-db' missing"), collector.mostSevere());
    }

    @Test
    void firstReportedWinsAmongEquals() {
        StatusCollector collector = new StatusCollector();
        collector.report(Status.blocked("'shared-db' missing"));
        collector.report(Status.blocked("'amqp' missing"));
        assertEquals("'shared-db' missing", collector.mostSevere().message());
    }

    @Test
    void allActiveShowsTheCharmsReadyMessage() {
        StatusCollector collector = new StatusCollector(Status.active("Unit is ready and clustered"));
        collector.report(Status.active("component fine"));
        assertEquals(Status.active("Unit is ready and clustered"), collector.mostSevere());
    }
}
