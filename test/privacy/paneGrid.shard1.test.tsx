/** The privacy grid, shard 1 of 4 (see paneGrid.tsx): jest runs the shards in parallel workers. */
import { runPaneGridShard } from './paneGrid';

runPaneGridShard(1, 4);
