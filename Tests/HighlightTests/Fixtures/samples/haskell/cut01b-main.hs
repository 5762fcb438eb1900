{-# LANGUAGE OverloadedStrings #-}
{-# LANGUAGE QuasiQuotes #-}
-- | The main module.
module Main (main, Shape(..), area) where

import qualified Data.Map as M
import Data.List (sortBy, foldl')
import Data.Maybe hiding (fromJust)
import Control.Monad

{- A block comment
   {- nested -}
-}

data Shape = Circle Double | Rect { width :: Double, height :: Double }
  deriving (Show, Eq)

newtype Name = Name String

class Describable a where
  describe :: a -> String

instance Describable Shape where
  describe (Circle r) = "circle of radius " ++ show r
  describe _ = "rectangle"

area :: Shape -> Double
area (Circle r) = pi * r ^ 2
area Rect{..} = width * height

main :: IO ()
main = do
  let shapes = [Circle 1.5, Rect 2 3.0e2]
      total = foldl' (+) 0 (map area shapes)