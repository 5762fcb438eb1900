module Data.Tree.Simple
  ( Tree(..)
  , insert
  , toList
  ) where

import Prelude hiding (lookup)

-- | A binary search tree.
data Tree a = Leaf | Node (Tree a) a (Tree a)
  deriving (Eq, Show, Functor)

insert :: Ord a => a -> Tree a -> Tree a
insert x Leaf = Node Leaf x Leaf
insert x t@(Node l v r)
  | x < v     = Node (insert x l) v r
  | x > v     = Node l v (insert x r)
  | otherwise = t

toList :: Tree a -> [a]
toList Leaf = []
toList (Node l v r) = toList l ++ [v] ++ toList r

instance Foldable Tree where
  foldr _ z Leaf = z
  foldr f z (Node l v r) = foldr f (f v (foldr f z r)) l
