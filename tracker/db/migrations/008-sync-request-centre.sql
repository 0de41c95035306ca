-- The idempotency rows carry their centre in the key, like every fact table, so they sit beside
-- the centre's facts when distributed by centre (one batch, one shard).
ALTER TABLE sync_request ADD COLUMN centre_id uuid REFERENCES centre (id);
UPDATE sync_request r SET centre_id = d.centre_id FROM device d WHERE d.id = r.device_id;
ALTER TABLE sync_request ALTER COLUMN centre_id SET NOT NULL;
ALTER TABLE sync_request DROP CONSTRAINT sync_request_pkey;
ALTER TABLE sync_request ADD PRIMARY KEY (centre_id, device_id, idempotency_key);
