import { clustersDirFor, MEMORY_ROOM_BYTES } from '../../src/postgres/ephemeral.js';

const GiB = 1024 ** 3;

describe('where throwaway clusters live', () => {
  const machine = { availableMemoryBytes: 16 * GiB, tmpdir: '/tmp' };

  test('in memory when /dev/shm is a tmpfs with room and the machine has the memory', () => {
    expect(clustersDirFor({ ...machine, memoryFreeBytes: 8 * GiB })).toBe('/dev/shm');
    expect(clustersDirFor({ ...machine, memoryFreeBytes: MEMORY_ROOM_BYTES })).toBe('/dev/shm');
  });

  test("on disk when /dev/shm is a container's 64 MB, is missing, or the machine is short of memory", () => {
    expect(clustersDirFor({ ...machine, memoryFreeBytes: 64 * 1024 ** 2 })).toBe('/tmp');
    expect(clustersDirFor({ ...machine, memoryFreeBytes: MEMORY_ROOM_BYTES - 1 })).toBe('/tmp');
    expect(clustersDirFor({ ...machine, memoryFreeBytes: undefined })).toBe('/tmp');
    expect(clustersDirFor({ ...machine, memoryFreeBytes: 8 * GiB, availableMemoryBytes: 2 * GiB })).toBe('/tmp');
  });

  test('PMA_PG_CLUSTER_DIR wins over both', () => {
    expect(clustersDirFor({ ...machine, memoryFreeBytes: 8 * GiB, configured: '/var/tmp/pg' })).toBe('/var/tmp/pg');
    expect(clustersDirFor({ ...machine, memoryFreeBytes: undefined, configured: '/var/tmp/pg' })).toBe('/var/tmp/pg');
  });
});
