module Data.Tree.Simple
  ( Tree(..)
  , insert
  , toList
  ) where

import Prelude hiding (lookup)

-- | A binary search tree.
data Tree a = Leaf | Node (Tree a) a (Tree a)
  deriving (Eq, Show, Fu