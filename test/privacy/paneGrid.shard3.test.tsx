/** The privacy grid, shard 3 of 4 (see paneGrid.tsx): jest runs the shards in parallel workers. */
import { runPaneGridShard } from './paneGrid';

runPaneGridShard(3, 4);
