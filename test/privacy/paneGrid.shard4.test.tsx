/** The privacy grid, shard 4 of 4 (see paneGrid.tsx): jest runs the shards in parallel workers. */
import { runPaneGridShard } from './paneGrid';

runPaneGridShard(4, 4);
