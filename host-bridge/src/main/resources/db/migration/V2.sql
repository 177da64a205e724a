-- V2: the boot that last saw each placement. After a portal restarts, its placements wait for the new boot to
-- announce the toys again (then the play session simply goes on); those it does not announce within the grace
-- period are closed. Rows from V1 have NULL here and take the boot from their session id.
ALTER TABLE placement ADD COLUMN boot_id BIGINT;
