/** The privacy grid, shard 2 of 4 (see paneGrid.tsx): jest runs the shards in parallel workers. */
import { runPaneGridShard } from './paneGrid';

runPaneGridShard(2, 4);
